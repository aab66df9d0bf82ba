using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Cohorts
{
    /// <inheritdoc />
    public partial class CohortsMemberSync : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                schema: "cohorts",
                table: "CohortMembers",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Memberships made before sync existed last changed when they were made, as far as anyone can tell.
            migrationBuilder.Sql("UPDATE [cohorts].[CohortMembers] SET [UpdatedAt] = [JoinedAt];");

            migrationBuilder.CreateTable(
                name: "CohortMemberRemovals",
                schema: "cohorts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CohortId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortMemberRemovals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CohortMembers_CohortId_UpdatedAt",
                schema: "cohorts",
                table: "CohortMembers",
                columns: new[] { "CohortId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CohortMemberRemovals_CohortId_RemovedAt",
                schema: "cohorts",
                table: "CohortMemberRemovals",
                columns: new[] { "CohortId", "RemovedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CohortMemberRemovals",
                schema: "cohorts");

            migrationBuilder.DropIndex(
                name: "IX_CohortMembers_CohortId_UpdatedAt",
                schema: "cohorts",
                table: "CohortMembers");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                schema: "cohorts",
                table: "CohortMembers");
        }
    }
}
