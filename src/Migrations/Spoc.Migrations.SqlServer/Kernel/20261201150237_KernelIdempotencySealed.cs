using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Kernel
{
    /// <inheritdoc />
    public partial class KernelIdempotencySealed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Location",
                schema: "kernel",
                table: "IdempotencyRecords");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Location",
                schema: "kernel",
                table: "IdempotencyRecords",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);
        }
    }
}
