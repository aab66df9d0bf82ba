using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentGrades : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GradeChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Before_Score = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: true),
                    Before_Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Before_Feedback = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Before_OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    After_Score = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    After_Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    After_Feedback = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    After_OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradeChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Grades",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 7, scale: 2, nullable: false),
                    FeedbackMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    FeedbackHtml = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    GradedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    GradedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grades", x => x.SubmissionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GradeChanges_SubmissionId_ChangedAt",
                table: "GradeChanges",
                columns: new[] { "SubmissionId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Grades_AssignmentId_AuthorId",
                table: "Grades",
                columns: new[] { "AssignmentId", "AuthorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GradeChanges");

            migrationBuilder.DropTable(
                name: "Grades");
        }
    }
}
