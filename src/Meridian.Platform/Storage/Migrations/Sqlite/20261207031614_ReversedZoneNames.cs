using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meridian.Platform.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReversedZoneNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reversed_name",
                table: "zones",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_zones_reversed_name",
                table: "zones",
                column: "reversed_name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_zones_reversed_name",
                table: "zones");

            migrationBuilder.DropColumn(
                name: "reversed_name",
                table: "zones");
        }
    }
}
