using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Cohorts
{
    /// <inheritdoc />
    public partial class CohortsMemberSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "CohortMembers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Memberships made before sync existed last changed when they were made, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE \"CohortMembers\" SET \"UpdatedAt\" = \"JoinedAt\";");

            migrationBuilder.CreateTable(
                name: "CohortMemberRemovals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortMemberRemovals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CohortMembers_CohortId_UpdatedAt",
                table: "CohortMembers",
                columns: new[] { "CohortId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CohortMemberRemovals_CohortId_RemovedAt",
                table: "CohortMemberRemovals",
                columns: new[] { "CohortId", "RemovedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CohortMemberRemovals");

            migrationBuilder.DropIndex(
                name: "IX_CohortMembers_CohortId_UpdatedAt",
                table: "CohortMembers");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "CohortMembers");
        }
    }
}
