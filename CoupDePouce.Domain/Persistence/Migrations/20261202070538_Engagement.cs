using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoupDePouce.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Engagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HiddenFromHelperLists",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "AuthorCoordinationId",
                table: "Answers",
                type: "INTEGER",
                nullable: true);

            // Answers written before: their author's coordination as it is now, the best that is known.
            migrationBuilder.Sql("UPDATE Answers SET AuthorCoordinationId = (SELECT m.HomeCoordinationId FROM AspNetUsers m WHERE m.Id = Answers.AuthorId);");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerThanks_At",
                table: "AnswerThanks",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_CreatedAt",
                table: "Answers",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AnswerThanks_At",
                table: "AnswerThanks");

            migrationBuilder.DropIndex(
                name: "IX_Answers_CreatedAt",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "HiddenFromHelperLists",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AuthorCoordinationId",
                table: "Answers");
        }
    }
}
