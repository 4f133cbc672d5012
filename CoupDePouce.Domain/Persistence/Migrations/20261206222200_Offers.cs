using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Offers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HelpOffers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CoordinationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 240, nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpOffers_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HelpOffers_Coordinations_CoordinationId",
                        column: x => x.CoordinationId,
                        principalTable: "Coordinations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HelpOffers_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OfferAsks",
                columns: table => new
                {
                    OfferId = table.Column<long>(type: "INTEGER", nullable: false),
                    HelpRequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferAsks", x => new { x.OfferId, x.HelpRequestId });
                    table.ForeignKey(
                        name: "FK_OfferAsks_HelpOffers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "HelpOffers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfferAsks_HelpRequests_HelpRequestId",
                        column: x => x.HelpRequestId,
                        principalTable: "HelpRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HelpOffers_AuthorId_CreatedAt",
                table: "HelpOffers",
                columns: new[] { "AuthorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpOffers_CoordinationId",
                table: "HelpOffers",
                column: "CoordinationId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpOffers_ThemeId_EndsOn_CreatedAt",
                table: "HelpOffers",
                columns: new[] { "ThemeId", "EndsOn", "CreatedAt" },
                filter: "WithdrawnAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OfferAsks_HelpRequestId",
                table: "OfferAsks",
                column: "HelpRequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfferAsks");

            migrationBuilder.DropTable(
                name: "HelpOffers");
        }
    }
}
