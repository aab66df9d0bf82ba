using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Cohorts
{
    /// <inheritdoc />
    public partial class CohortsApplicationSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                schema: "cohorts",
                table: "CohortApplications",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Applications made before sync existed last changed at their last decision, or when submitted, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE [cohorts].[CohortApplications] SET [UpdatedAt] = COALESCE([DecidedAt], [SubmittedAt]);");

            migrationBuilder.CreateIndex(
                name: "IX_CohortApplications_CohortId_UpdatedAt",
                schema: "cohorts",
                table: "CohortApplications",
                columns: new[] { "CohortId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CohortApplications_CohortId_UpdatedAt",
                schema: "cohorts",
                table: "CohortApplications");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                schema: "cohorts",
                table: "CohortApplications");
        }
    }
}
