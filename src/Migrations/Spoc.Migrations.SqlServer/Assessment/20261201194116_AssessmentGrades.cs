using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentGrades : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GradeChanges",
                schema: "assessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Before_Score = table.Column<decimal>(type: "decimal(7,2)", precision: 7, scale: 2, nullable: true),
                    Before_Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Before_Feedback = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: true),
                    Before_OverrideReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    After_Score = table.Column<decimal>(type: "decimal(7,2)", precision: 7, scale: 2, nullable: false),
                    After_Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    After_Feedback = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    After_OverrideReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradeChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Grades",
                schema: "assessment",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Score = table.Column<decimal>(type: "decimal(7,2)", precision: 7, scale: 2, nullable: false),
                    FeedbackMarkdown = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    FeedbackHtml = table.Column<string>(type: "nvarchar(max)", maxLength: 60000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OverrideReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    GradedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GradedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grades", x => x.SubmissionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GradeChanges_SubmissionId_ChangedAt",
                schema: "assessment",
                table: "GradeChanges",
                columns: new[] { "SubmissionId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Grades_AssignmentId_AuthorId",
                schema: "assessment",
                table: "Grades",
                columns: new[] { "AssignmentId", "AuthorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GradeChanges",
                schema: "assessment");

            migrationBuilder.DropTable(
                name: "Grades",
                schema: "assessment");
        }
    }
}
