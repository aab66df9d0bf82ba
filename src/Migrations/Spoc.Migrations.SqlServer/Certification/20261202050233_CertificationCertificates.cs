using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Certification
{
    /// <inheritdoc />
    public partial class CertificationCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CertificateEvents",
                schema: "certification",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HolderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Action = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ActorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                schema: "certification",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HolderId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IssuerOrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HolderName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CourseTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CohortTitle = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OrganizationNames = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CohortStartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CohortEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FinalGrade = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    VerificationCode = table.Column<string>(type: "nvarchar(26)", maxLength: 26, nullable: false),
                    ShortCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    IssuedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RevokedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevocationReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CredentialJwt = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    StatusListIndex = table.Column<int>(type: "int", nullable: true),
                    Competencies = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CertificationRules",
                schema: "certification",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MinFinalGrade = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: true),
                    MinCompletionPercent = table.Column<int>(type: "int", nullable: true),
                    MinAttendancePercent = table.Column<int>(type: "int", nullable: true),
                    RequiredAssignmentIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RequiredCompetencyCodes = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationRules", x => x.CohortId);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                schema: "certification",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Algorithm = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    PublicJwk = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateEvents_CertificateId",
                schema: "certification",
                table: "CertificateEvents",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateEvents_CohortId_At",
                schema: "certification",
                table: "CertificateEvents",
                columns: new[] { "CohortId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CohortId_HolderId",
                schema: "certification",
                table: "Certificates",
                columns: new[] { "CohortId", "HolderId" },
                unique: true,
                filter: "\"Status\" = 'Valid'");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_HolderId",
                schema: "certification",
                table: "Certificates",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_IssuerOrganizationId_StatusListIndex",
                schema: "certification",
                table: "Certificates",
                columns: new[] { "IssuerOrganizationId", "StatusListIndex" },
                unique: true,
                filter: "\"StatusListIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ShortCode",
                schema: "certification",
                table: "Certificates",
                column: "ShortCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_VerificationCode",
                schema: "certification",
                table: "Certificates",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_OrganizationId_CreatedAt",
                schema: "certification",
                table: "SigningKeys",
                columns: new[] { "OrganizationId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificateEvents",
                schema: "certification");

            migrationBuilder.DropTable(
                name: "Certificates",
                schema: "certification");

            migrationBuilder.DropTable(
                name: "CertificationRules",
                schema: "certification");

            migrationBuilder.DropTable(
                name: "SigningKeys",
                schema: "certification");
        }
    }
}
