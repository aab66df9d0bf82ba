using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spoc.Migrations.SqlServer.Integrations
{
    /// <inheritdoc />
    public partial class IntegrationsDeliveryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_EndpointId_LastAttemptAt",
                schema: "integrations",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "EndpointId", "LastAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationsWebhookDeliveries_State_DeliveredAt",
                schema: "integrations",
                table: "IntegrationsWebhookDeliveries",
                columns: new[] { "State", "DeliveredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IntegrationsWebhookDeliveries_EndpointId_LastAttemptAt",
                schema: "integrations",
                table: "IntegrationsWebhookDeliveries");

            migrationBuilder.DropIndex(
                name: "IX_IntegrationsWebhookDeliveries_State_DeliveredAt",
                schema: "integrations",
                table: "IntegrationsWebhookDeliveries");
        }
    }
}
