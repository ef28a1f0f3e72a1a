"""The wizard window: start page, steps, problem panel, drafts, autosave."""
