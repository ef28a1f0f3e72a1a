"""The main window (main_window.py) and what it shows: the start page, the wizard's pages
(wizard.py; info_page.py, table_page.py, text_pages.py, review_page.py), the step list and the
problem list, the 编辑 menu (edit_actions.py), files and recent files, autosave and recovery.
The steps themselves are declared in gui/report/places.py; steps.py adds each step's state."""
