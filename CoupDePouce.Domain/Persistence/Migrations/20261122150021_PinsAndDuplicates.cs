using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PinsAndDuplicates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DuplicateOfId",
                table: "HelpRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PinnedAt",
                table: "HelpRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_PinnedAt",
                table: "HelpRequests",
                column: "PinnedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_PinnedAt",
                table: "HelpRequests");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "HelpRequests");

            migrationBuilder.DropColumn(
                name: "PinnedAt",
                table: "HelpRequests");
        }
    }
}
