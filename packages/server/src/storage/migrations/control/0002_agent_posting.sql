-- Control database 0002: direct agent posting, per API key. Off by default: an agent (over MCP) only
-- proposes drafts for a person to approve. On a production key an owner or admin may turn it on; a
-- sandbox key with write permission may post directly whatever the flag says.
ALTER TABLE api_keys ADD COLUMN agent_posting boolean NOT NULL DEFAULT false;
