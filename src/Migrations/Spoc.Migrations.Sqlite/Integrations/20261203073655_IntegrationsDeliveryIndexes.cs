using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.Sqlite.Integrations
{
    /// <inheritdoc />
    public partial class IntegrationsDeliveryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_EndpointId_LastAttemptAt",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "EndpointId", "LastAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_State_DeliveredAt",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "State", "DeliveredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IntegrationsWebhookDeliveries_EndpointId_LastAttemptAt",
                table: "IntegrationsWebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_IntegrationsWebhookDeliveries_State_DeliveredAt",
                table: "IntegrationsWebhookDeliveries");
        }
    }
}
