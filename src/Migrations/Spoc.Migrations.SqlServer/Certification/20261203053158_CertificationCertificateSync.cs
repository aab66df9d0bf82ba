using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Certification
{
    /// <inheritdoc />
    public partial class CertificationCertificateSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                schema: "certification",
                table: "Certificates",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Certificates issued before sync existed last changed when revoked, or else when issued.
            migrationBuilder.Sql("UPDATE [certification].[Certificates] SET [UpdatedAt] = COALESCE([RevokedAt], [IssuedAt]);");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CohortId_UpdatedAt",
                schema: "certification",
                table: "Certificates",
                columns: new[] { "CohortId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_CohortId_UpdatedAt",
                schema: "certification",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                schema: "certification",
                table: "Certificates");
        }
    }
}
