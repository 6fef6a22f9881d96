"""The interview room: the full-screen screens of ``run`` and ``resume``.

* :mod:`.phase_room`: one phase (header, interviewer pane, notes, status bar, F1 brief);
* :mod:`.pages`: the pages between phases, each waiting for a key: the comparison, and
  :mod:`.checklist_page`, the coach's checklist of the phase's key points;
* :mod:`.bars`: the header, status, keys and pane title lines, as pure functions;
* :mod:`.brief`: what F1 shows; :mod:`.editor`: ^E; :mod:`.undo`: the notes' undo cap; :mod:`.rendering`: rich inside
  prompt_toolkit, and the scrolling pane; :mod:`.style`: the colours (and NO_COLOR).

The only package besides :mod:`mockinterview.ui.prompter` that imports prompt_toolkit;
the interview's state and decisions are :mod:`mockinterview.interview`'s.
"""
