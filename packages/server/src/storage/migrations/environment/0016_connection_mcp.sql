-- Environment database 0016: an external connection may be published to MCP agents as a read-only
-- tool of its own ("data source + MCP toggle = AI tool"). The tool name is unique in the tenant.

ALTER TABLE external_connections ADD COLUMN mcp_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE external_connections ADD COLUMN mcp_tool_name text;
ALTER TABLE external_connections ADD COLUMN mcp_description text;
CREATE UNIQUE INDEX external_connections_mcp_tool_name ON external_connections (tenant_id, mcp_tool_name) WHERE mcp_tool_name IS NOT NULL;
