using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Submissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DaysLate = table.Column<int>(type: "INTEGER", nullable: false),
                    PenaltyPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    TextMarkdown = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: true),
                    TextHtml = table.Column<string>(type: "TEXT", maxLength: 150000, nullable: true),
                    FileIds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_AssignmentId_AuthorId_Attempt",
                table: "Submissions",
                columns: new[] { "AssignmentId", "AuthorId", "Attempt" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Submissions");
        }
    }
}
