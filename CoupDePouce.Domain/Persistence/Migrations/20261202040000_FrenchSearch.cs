using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <summary>The search index rebuilt for French (decision 019): stems, theme names, prefix indexes. SQL only:
    /// the model does not change.</summary>
    [DbContext(typeof(BoardDbContext))]
    [Migration("20261202040000_FrenchSearch")]
    public partial class FrenchSearch : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.Drop);
            migrationBuilder.Sql(SearchIndexSql.CreateTable);
            migrationBuilder.Sql(SearchIndexSql.CreateTriggers);
            migrationBuilder.Sql(SearchIndexSql.Fill);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.Drop);
            migrationBuilder.Sql(SearchIndexSql.CreateTextOnlyTable);
            migrationBuilder.Sql(SearchIndexSql.CreateTextOnlyTriggers);
            migrationBuilder.Sql(SearchIndexSql.FillTextOnly);
        }
    }
}
