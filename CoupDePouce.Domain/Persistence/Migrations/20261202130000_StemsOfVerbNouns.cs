using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <summary>« prospection » read as « prospecter » (issue 18): the index's stems computed again by this build's
    /// rules. SQL only: the model does not change.</summary>
    [DbContext(typeof(BoardDbContext))]
    [Migration("20261202130000_StemsOfVerbNouns")]
    public partial class StemsOfVerbNouns : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SearchIndexSql.Restem);

        // The stems follow the code's rules whichever way the database goes.
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SearchIndexSql.Restem);
    }
}
