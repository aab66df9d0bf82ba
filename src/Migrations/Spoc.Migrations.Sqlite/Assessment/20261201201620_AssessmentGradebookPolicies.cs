using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Assessment
{
    /// <inheritdoc />
    public partial class AssessmentGradebookPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GradebookPolicies",
                columns: table => new
                {
                    CohortId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    PassMark = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    MissingCountsAsZero = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradebookPolicies", x => x.CohortId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GradebookPolicies");
        }
    }
}
