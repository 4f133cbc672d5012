using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FollowUp",
                table: "HelpRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FollowUpAnsweredAt",
                table: "HelpRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FollowUpAskedAt",
                table: "HelpRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_FollowUp",
                table: "HelpRequests",
                columns: new[] { "CreatedAt", "CoordinationId", "FollowUp", "FollowUpAnsweredAt", "IsHidden", "IsWithdrawn" },
                filter: "FollowUp IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_FollowUpDue",
                table: "HelpRequests",
                column: "ResolvedAt",
                filter: "Status = 2 AND FollowUpAskedAt IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_FollowUp",
                table: "HelpRequests");

            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_FollowUpDue",
                table: "HelpRequests");

            migrationBuilder.DropColumn(
                name: "FollowUp",
                table: "HelpRequests");

            migrationBuilder.DropColumn(
                name: "FollowUpAnsweredAt",
                table: "HelpRequests");

            migrationBuilder.DropColumn(
                name: "FollowUpAskedAt",
                table: "HelpRequests");
        }
    }
}
