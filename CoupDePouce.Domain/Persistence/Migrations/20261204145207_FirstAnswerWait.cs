using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FirstAnswerWait : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_CoordinationEngagement",
                table: "HelpRequests");

            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_Engagement",
                table: "HelpRequests");

            migrationBuilder.AddColumn<long>(
                name: "FirstAnswerWaitMs",
                table: "HelpRequests",
                type: "INTEGER",
                nullable: true);

            // Requests answered before this migration: the wait the dashboards computed on every reading until now.
            migrationBuilder.Sql("""
                UPDATE HelpRequests
                SET FirstAnswerWaitMs = CAST(round((julianday(FirstAnsweredAt) - julianday(CreatedAt)) * 86400000.0) AS INTEGER)
                WHERE FirstAnsweredAt IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_CoordinationEngagement",
                table: "HelpRequests",
                columns: new[] { "CoordinationId", "CreatedAt", "AuthorId", "ThemeId", "Status", "FirstAnsweredAt", "FirstAnswerWaitMs", "ResolvedAt", "IsHidden", "IsWithdrawn" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Engagement",
                table: "HelpRequests",
                columns: new[] { "CreatedAt", "CoordinationId", "AuthorId", "ThemeId", "Status", "FirstAnsweredAt", "FirstAnswerWaitMs", "ResolvedAt", "IsHidden", "IsWithdrawn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_CoordinationEngagement",
                table: "HelpRequests");

            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_Engagement",
                table: "HelpRequests");

            migrationBuilder.DropColumn(
                name: "FirstAnswerWaitMs",
                table: "HelpRequests");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_CoordinationEngagement",
                table: "HelpRequests",
                columns: new[] { "CoordinationId", "CreatedAt", "AuthorId", "ThemeId", "Status", "FirstAnsweredAt", "ResolvedAt", "IsHidden", "IsWithdrawn" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Engagement",
                table: "HelpRequests",
                columns: new[] { "CreatedAt", "CoordinationId", "AuthorId", "ThemeId", "Status", "FirstAnsweredAt", "ResolvedAt", "IsHidden", "IsWithdrawn" });
        }
    }
}
