using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Cohorts
{
    /// <inheritdoc />
    public partial class CohortsApplicationSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "CohortApplications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Applications made before sync existed last changed at their last decision, or when submitted, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE \"CohortApplications\" SET \"UpdatedAt\" = COALESCE(\"DecidedAt\", \"SubmittedAt\");");

            migrationBuilder.CreateIndex(
                name: "IX_CohortApplications_CohortId_UpdatedAt",
                table: "CohortApplications",
                columns: new[] { "CohortId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CohortApplications_CohortId_UpdatedAt",
                table: "CohortApplications");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "CohortApplications");
        }
    }
}
