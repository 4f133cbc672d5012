using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CanHelpIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_ThemeId",
                table: "HelpRequests");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_CanHelp",
                table: "HelpRequests",
                columns: new[] { "ThemeId", "CreatedAt", "Status", "CoordinationId", "Visibility", "AuthorId", "IsHidden", "IsWithdrawn", "IsLocked" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_CanHelp",
                table: "HelpRequests");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_ThemeId",
                table: "HelpRequests",
                column: "ThemeId");
        }
    }
}
