"""The coach: reads a candidate's notes against a scenario's key points, diagram and figures.

Pure and deterministic (the same notes always give the same result) and core code:
it never imports a terminal library. Modules, one idea each:

* :mod:`~mockinterview.coach.words`: the word tables (abbreviations, stop words, negation);
* :mod:`~mockinterview.coach.normalize`: tokens, stems, negation;
* :mod:`~mockinterview.coach.matcher`: phrases and key points matched against lines;
* :mod:`~mockinterview.coach.checklist`: the checklist result (detected and confirmed);
* :mod:`~mockinterview.coach.diagram`: arrow diagrams in notes against the reference architecture;
* :mod:`~mockinterview.coach.quantities`: numbers in notes, with the words around them;
* :mod:`~mockinterview.coach.figures`: those numbers attached to the estimation's figures;
* :mod:`~mockinterview.coach.evidence`: evidence per criterion, suggested scores, calibration;
* :mod:`~mockinterview.coach.engine`: :class:`Coach`, a scenario compiled for checking;
* :mod:`~mockinterview.coach.review`: checking a notes file written elsewhere;
* :mod:`~mockinterview.coach.sessions`: a saved interview's checklists and evidence.

``docs/coach.md`` explains the rules and the measured thresholds.
"""
