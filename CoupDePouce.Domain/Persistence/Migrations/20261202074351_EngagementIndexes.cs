using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EngagementIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AnswerThanks_At",
                table: "AnswerThanks");

            migrationBuilder.DropIndex(
                name: "IX_AnswerThanks_MemberId",
                table: "AnswerThanks");

            migrationBuilder.DropIndex(
                name: "IX_Answers_CreatedAt",
                table: "Answers");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_CoordinationEngagement",
                table: "HelpRequests",
                columns: new[] { "CoordinationId", "CreatedAt", "AuthorId", "ThemeId", "Status", "FirstAnsweredAt", "ResolvedAt", "IsHidden", "IsWithdrawn" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Engagement",
                table: "HelpRequests",
                columns: new[] { "CreatedAt", "CoordinationId", "AuthorId", "ThemeId", "Status", "FirstAnsweredAt", "ResolvedAt", "IsHidden", "IsWithdrawn" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Waiting",
                table: "HelpRequests",
                columns: new[] { "CoordinationId", "CreatedAt" },
                filter: "Status = 0 AND IsHidden = 0 AND IsWithdrawn = 0");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerThanks_MemberId_At",
                table: "AnswerThanks",
                columns: new[] { "MemberId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Answers_AuthorCoordinationId_CreatedAt",
                table: "Answers",
                columns: new[] { "AuthorCoordinationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Answers_Engagement",
                table: "Answers",
                columns: new[] { "HelpRequestId", "CreatedAt", "AuthorId", "AuthorCoordinationId", "IsWithdrawn", "IsHidden", "IsHelpful" });
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

            migrationBuilder.DropIndex(
                name: "IX_HelpRequests_Waiting",
                table: "HelpRequests");

            migrationBuilder.DropIndex(
                name: "IX_AnswerThanks_MemberId_At",
                table: "AnswerThanks");

            migrationBuilder.DropIndex(
                name: "IX_Answers_AuthorCoordinationId_CreatedAt",
                table: "Answers");

            migrationBuilder.DropIndex(
                name: "IX_Answers_Engagement",
                table: "Answers");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerThanks_At",
                table: "AnswerThanks",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerThanks_MemberId",
                table: "AnswerThanks",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_CreatedAt",
                table: "Answers",
                column: "CreatedAt");
        }
    }
}
