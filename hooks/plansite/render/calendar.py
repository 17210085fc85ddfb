"""Campaign events as an iCalendar (.ics) feed in one language, for calendar applications to subscribe to."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from plansite.render.catalogue import text
from plansite.model import Campaign, Language



def calendar_ics(campaigns: list[Campaign], language: Language, site_name: str, page_urls: dict[str, str],
                 stamp: dt.datetime) -> bytes:
    """Every event of every campaign; page_urls maps a campaign id to its page's absolute address.

    An event without an end has no DTEND: an all-day event then lasts its start day."""
    calendar = Calendar()
    calendar.add("prodid", "-//plansite//campaign events//" + language.upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", text(language, "campaigns.calendar_name").format(site=site_name))
    host = urlsplit(next(iter(page_urls.values()), "")).hostname or "localhost"
    for campaign in campaigns:
        for event in campaign.events:
            entry = Event()
            entry.add("uid", f"{campaign.id}.{event.id}@{host}")
            entry.add("dtstamp", stamp)
            entry.add("summary", event.title(language))
            entry.add("dtstart", event.start)
            if event.end is not None:
                # An all-day DTEND is exclusive: an event ending on the 12th ends at the start of the 13th.
                end = event.end + dt.timedelta(days=1) if not isinstance(event.end, dt.datetime) else event.end
                entry.add("dtend", end)
            entry.add("location", event.location(language))
            entry.add("description", event.description(language))
            entry.add("url", page_urls[campaign.id])
            entry.add("categories", [campaign.title(language)])
            calendar.add_component(entry)
    return calendar.to_ical()
