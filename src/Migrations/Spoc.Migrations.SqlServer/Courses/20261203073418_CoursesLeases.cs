using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Courses
{
    /// <inheritdoc />
    public partial class CoursesLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LockedBy",
                schema: "courses",
                table: "CoursesOutbox",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LockedUntil",
                schema: "courses",
                table: "CoursesOutbox",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CoursesScheduledRuns",
                schema: "courses",
                columns: table => new
                {
                    Job = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    HeldBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RunningUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastRunAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoursesScheduledRuns", x => x.Job);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoursesScheduledRuns",
                schema: "courses");

            migrationBuilder.DropColumn(
                name: "LockedBy",
                schema: "courses",
                table: "CoursesOutbox");

            migrationBuilder.DropColumn(
                name: "LockedUntil",
                schema: "courses",
                table: "CoursesOutbox");
        }
    }
}
