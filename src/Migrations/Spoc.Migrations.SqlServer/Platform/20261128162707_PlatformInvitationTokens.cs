using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Platform
{
    /// <inheritdoc />
    public partial class PlatformInvitationTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TokenHash",
                schema: "platform",
                table: "OrganizationInvitations",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizationInvitations_TokenHash",
                schema: "platform",
                table: "OrganizationInvitations",
                column: "TokenHash",
                unique: true,
                filter: "[TokenHash] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OrganizationInvitations_TokenHash",
                schema: "platform",
                table: "OrganizationInvitations");

            migrationBuilder.DropColumn(
                name: "TokenHash",
                schema: "platform",
                table: "OrganizationInvitations");
        }
    }
}
