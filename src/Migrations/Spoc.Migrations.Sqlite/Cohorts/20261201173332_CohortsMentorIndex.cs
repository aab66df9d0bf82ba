using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Cohorts
{
    /// <inheritdoc />
    public partial class CohortsMentorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CohortMembers_CohortId_MentorId",
                table: "CohortMembers",
                columns: new[] { "CohortId", "MentorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CohortMembers_CohortId_MentorId",
                table: "CohortMembers");
        }
    }
}
