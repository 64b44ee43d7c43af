"""The parts of the handout kit, one module each."""
