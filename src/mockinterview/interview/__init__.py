"""The interview as it happens: pure state and decisions; the screen drives them.

* :mod:`.session`: the record (phases, notes, timings, estimates, assessment);
* :mod:`.clock`: the phase clock (pause, extension, overtime, speed);
* :mod:`.schedule`: which probe or hint is due (probes at fractions of the phase);
* :mod:`.phase`: one phase while it runs (clock + schedule + the bell and ``--strict``);
* :mod:`.autosave`: when to save the notes while typing, and what;
* :mod:`.flow`: the transitions of a timed interview, each written to the store;
* :mod:`.lookup`: what ``run``, ``resume`` and ``score`` work on;
* :mod:`.drill`: the estimation drill's grading and its records.

Nothing here imports a terminal library; times come from injectable clocks.
"""
