using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Courses
{
    /// <inheritdoc />
    public partial class CoursesExtraResourceMarkdown : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentMarkdown",
                schema: "courses",
                table: "CourseExtraResources",
                type: "nvarchar(max)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContentMarkdown",
                schema: "courses",
                table: "CourseExtraResources");
        }
    }
}
