using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Cohorts
{
    /// <inheritdoc />
    public partial class CohortsPartnerConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DecidedAt",
                schema: "cohorts",
                table: "CohortOrganizations",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DecidedBy",
                schema: "cohorts",
                table: "CohortOrganizations",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                schema: "cohorts",
                table: "CohortOrganizations",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Accepted");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DecidedAt",
                schema: "cohorts",
                table: "CohortOrganizations");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                schema: "cohorts",
                table: "CohortOrganizations");

            migrationBuilder.DropColumn(
                name: "Status",
                schema: "cohorts",
                table: "CohortOrganizations");
        }
    }
}
