using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Cohorts
{
    /// <inheritdoc />
    public partial class CohortsMentorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CohortMembers_CohortId_MentorId",
                schema: "cohorts",
                table: "CohortMembers",
                columns: new[] { "CohortId", "MentorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CohortMembers_CohortId_MentorId",
                schema: "cohorts",
                table: "CohortMembers");
        }
    }
}
