"""The docks around the canvas: palette, inspector, outline, personas, find bar."""
