using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meridian.Platform.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TsigUpdateTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "update_types",
                table: "tsig_keys",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "update_types",
                table: "tsig_keys");
        }
    }
}
