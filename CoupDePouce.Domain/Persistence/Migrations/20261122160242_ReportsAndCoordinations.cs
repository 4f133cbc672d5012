using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReportsAndCoordinations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HiddenByReports",
                table: "HelpRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RequestedCoordinationId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HiddenByReports",
                table: "Answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "HiddenReason",
                table: "Answers",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsHidden",
                table: "Answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReporterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HelpRequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswerId = table.Column<long>(type: "INTEGER", nullable: false),
                    CoordinationId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorCoordinationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reports_AspNetUsers_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_HelpRequests_HelpRequestId",
                        column: x => x.HelpRequestId,
                        principalTable: "HelpRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_HelpRequestId_AnswerId_ReporterId",
                table: "Reports",
                columns: new[] { "HelpRequestId", "AnswerId", "ReporterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReporterId",
                table: "Reports",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Status_CoordinationId",
                table: "Reports",
                columns: new[] { "Status", "CoordinationId" });

            // Hidden answers leave search: the answer triggers now read IsHidden too.
            migrationBuilder.Sql(SearchIndexSql.DropTriggers);
            migrationBuilder.Sql(SearchIndexSql.CreateTextOnlyTriggers);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.DropTriggers);
            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropColumn(
                name: "HiddenByReports",
                table: "HelpRequests");

            migrationBuilder.DropColumn(
                name: "RequestedCoordinationId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "HiddenByReports",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "HiddenReason",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "IsHidden",
                table: "Answers");

            migrationBuilder.Sql(SearchIndexSql.CreateTriggersBeforeHiddenAnswers);
        }
    }
}
