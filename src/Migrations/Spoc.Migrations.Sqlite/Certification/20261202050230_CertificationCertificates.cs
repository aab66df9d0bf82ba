using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Certification
{
    /// <inheritdoc />
    public partial class CertificationCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CertificateEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CourseTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CohortTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationNames = table.Column<string>(type: "TEXT", nullable: false),
                    CohortStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CohortEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinalGrade = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    VerificationCode = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    ShortCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IssuedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CredentialJwt = table.Column<string>(type: "TEXT", nullable: true),
                    StatusListIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    Competencies = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CertificationRules",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MinFinalGrade = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    MinCompletionPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    MinAttendancePercent = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiredAssignmentIds = table.Column<string>(type: "TEXT", nullable: false),
                    RequiredCompetencyCodes = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationRules", x => x.CohortId);
                });

            migrationBuilder.CreateTable(
                name: "SigningKeys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Algorithm = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PublicJwk = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SigningKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateEvents_CertificateId",
                table: "CertificateEvents",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateEvents_CohortId_At",
                table: "CertificateEvents",
                columns: new[] { "CohortId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_CohortId_HolderId",
                table: "Certificates",
                columns: new[] { "CohortId", "HolderId" },
                unique: true,
                filter: "\"Status\" = 'Valid'");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_HolderId",
                table: "Certificates",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_IssuerOrganizationId_StatusListIndex",
                table: "Certificates",
                columns: new[] { "IssuerOrganizationId", "StatusListIndex" },
                unique: true,
                filter: "\"StatusListIndex\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_ShortCode",
                table: "Certificates",
                column: "ShortCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_VerificationCode",
                table: "Certificates",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SigningKeys_OrganizationId_CreatedAt",
                table: "SigningKeys",
                columns: new[] { "OrganizationId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificateEvents");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "CertificationRules");

            migrationBuilder.DropTable(
                name: "SigningKeys");
        }
    }
}
