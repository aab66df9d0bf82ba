using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Certification
{
    /// <inheritdoc />
    public partial class CertificationCertificateSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "Certificates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Certificates issued before sync existed last changed when revoked, or else when issued.
            migrationBuilder.Sql("UPDATE \"Certificates\" SET \"UpdatedAt\" = COALESCE(\"RevokedAt\", \"IssuedAt\");");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CohortId_UpdatedAt",
                table: "Certificates",
                columns: new[] { "CohortId", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Certificates_CohortId_UpdatedAt",
                table: "Certificates");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Certificates");
        }
    }
}
