using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Courses
{
    /// <inheritdoc />
    public partial class CoursesProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CourseCohortLearners",
                schema: "courses",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseCohortLearners", x => new { x.CohortId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "CourseCompletions",
                schema: "courses",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseCompletions", x => new { x.CohortId, x.UserId, x.ActivityId });
                    table.ForeignKey(
                        name: "FK_CourseCompletions_CourseActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalSchema: "courses",
                        principalTable: "CourseActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CourseExtraResources",
                schema: "courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Url = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ContentHtml = table.Column<string>(type: "nvarchar(max)", maxLength: 200000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseExtraResources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoursePacingShifts",
                schema: "courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Days = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoursePacingShifts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CourseCompletions_ActivityId",
                schema: "courses",
                table: "CourseCompletions",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseExtraResources_CohortId_UserId",
                schema: "courses",
                table: "CourseExtraResources",
                columns: new[] { "CohortId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_CoursePacingShifts_CohortId_UserId",
                schema: "courses",
                table: "CoursePacingShifts",
                columns: new[] { "CohortId", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CourseCohortLearners",
                schema: "courses");

            migrationBuilder.DropTable(
                name: "CourseCompletions",
                schema: "courses");

            migrationBuilder.DropTable(
                name: "CourseExtraResources",
                schema: "courses");

            migrationBuilder.DropTable(
                name: "CoursePacingShifts",
                schema: "courses");
        }
    }
}
