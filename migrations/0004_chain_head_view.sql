-- The audit verification compares the last event with the chain head. The head table itself stays hidden from
-- the app role (only the trigger writes it); this read-only view exposes its position and hash.
CREATE OR REPLACE VIEW audit_chain_head_view AS SELECT seq, hash FROM audit_chain_head WHERE id = 1;
--> statement-breakpoint
GRANT SELECT ON audit_chain_head_view TO passend_app;
