using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InvitationsAndEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CoordinatricesAlertedAt",
                table: "HelpRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "NetworkOfferedAt",
                table: "HelpRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HelpInvitations",
                columns: table => new
                {
                    HelpRequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliverAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Dropped = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpInvitations", x => new { x.HelpRequestId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_HelpInvitations_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HelpInvitations_HelpRequests_HelpRequestId",
                        column: x => x.HelpRequestId,
                        principalTable: "HelpRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InvitationPreferences",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    QuietFrom = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    QuietUntil = table.Column<TimeOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvitationPreferences", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_InvitationPreferences_AspNetUsers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HelpInvitations_Held",
                table: "HelpInvitations",
                column: "DeliverAt",
                filter: "DeliveredAt IS NULL AND Dropped = 0");

            migrationBuilder.CreateIndex(
                name: "IX_HelpInvitations_MemberId_CreatedAt",
                table: "HelpInvitations",
                columns: new[] { "MemberId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HelpInvitations");

            migrationBuilder.DropTable(
                name: "InvitationPreferences");

            migrationBuilder.DropColumn(
                name: "CoordinatricesAlertedAt",
                table: "HelpRequests");

            migrationBuilder.DropColumn(
                name: "NetworkOfferedAt",
                table: "HelpRequests");
        }
    }
}
