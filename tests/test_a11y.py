"""Accessibility repairs of the HTML that Markdown extensions write."""

from velkommen.render.a11y import quiet_task_boxes


def test_a_printed_checklists_boxes_are_hidden_from_assistive_technology():
    html = ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
            '<span class="task-list-indicator"></span></label> Meld flytning</li>')
    assert quiet_task_boxes(html) == html.replace('class="task-list-control">', 'class="task-list-control" aria-hidden="true">')


def test_a_box_a_reader_can_tick_is_left_alone():
    html = '<label class="task-list-control"><input type="checkbox"/></label>'
    assert quiet_task_boxes(html) == html
