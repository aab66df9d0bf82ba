using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Submissions",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Attempt = table.Column<int>(type: "int", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DaysLate = table.Column<int>(type: "int", nullable: false),
                    PenaltyPercent = table.Column<int>(type: "int", nullable: false),
                    TextMarkdown = table.Column<string>(type: "nvarchar(max)", maxLength: 50000, nullable: true),
                    TextHtml = table.Column<string>(type: "nvarchar(max)", maxLength: 150000, nullable: true),
                    FileIds = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Answers = table.Column<string>(type: "nvarchar(max)", maxLength: 50000, nullable: false),
                    Score = table.Column<decimal>(type: "decimal(7,2)", precision: 7, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_AssignmentId_AuthorId_Attempt",
                schema: "assessment",
                table: "Submissions",
                columns: new[] { "AssignmentId", "AuthorId", "Attempt" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Submissions",
                schema: "assessment");
        }
    }
}
