using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Courses
{
    /// <inheritdoc />
    public partial class CoursesExtraResourceMarkdown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentMarkdown",
                table: "CourseExtraResources",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContentMarkdown",
                table: "CourseExtraResources");
        }
    }
}
