using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Memberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TargetMemberId",
                table: "ModerationLog",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Membership",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MembershipMessage",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_Membership_HomeCoordinationId",
                table: "AspNetUsers",
                columns: new[] { "Membership", "HomeCoordinationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_Membership_HomeCoordinationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TargetMemberId",
                table: "ModerationLog");

            migrationBuilder.DropColumn(
                name: "Membership",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "MembershipMessage",
                table: "AspNetUsers");
        }
    }
}
