using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Meridian.Platform.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InterfaceSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "read_only",
                table: "login_sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "interface_settings",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    frame_origins = table.Column<string>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    logo_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    accent_colour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    support_url = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interface_settings", x => x.account_id);
                    table.ForeignKey(
                        name: "fk_interface_settings_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "interface_settings");

            migrationBuilder.DropColumn(
                name: "read_only",
                table: "login_sessions");
        }
    }
}
