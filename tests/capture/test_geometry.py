"""Region and device-pixel-ratio arithmetic (app/capture/geometry.py)."""

from __future__ import annotations

import pytest

from app.capture.geometry import (
    CropPiece,
    Rect,
    ScreenInfo,
    band,
    is_click,
    parse_region,
    plan_crop,
    screen_at,
    to_physical,
    virtual_geometry,
)

LEFT = ScreenInfo("LEFT", Rect(0, 0, 800, 600), 1.0)
# A 640×480 physical monitor at 200 %: Qt keeps its origin and halves its logical size.
RIGHT_2X = ScreenInfo("RIGHT", Rect(800, 0, 320, 240), 2.0)
RIGHT_1X = ScreenInfo("RIGHT", Rect(800, 0, 640, 480), 1.0)


def test_parse_region() -> None:
    assert parse_region("10,20,300,40") == Rect(10, 20, 300, 40)
    assert parse_region(" -5, 0 ,7,8") == Rect(-5, 0, 7, 8)
    for bad in ("1,2,3", "a,b,c,d", "1,2,0,5", "1,2,3,-4", "", "1,2,3,4,5"):
        with pytest.raises(ValueError):
            parse_region(bad)


def test_band_any_direction_includes_both_corners() -> None:
    assert band(10, 20, 109, 69) == Rect(10, 20, 100, 50)
    assert band(109, 69, 10, 20) == Rect(10, 20, 100, 50)
    assert band(10.6, 20.2, 11.4, 20.9) == Rect(10, 20, 2, 1)
    assert is_click(band(5, 5, 6, 6))
    assert not is_click(band(5, 5, 20, 20))


def test_single_screen_dpr1_is_identity() -> None:
    plan = plan_crop(Rect(100, 50, 600, 200), [LEFT, RIGHT_1X])
    assert plan.single and (plan.width, plan.height) == (600, 200)
    assert plan.pieces == (CropPiece(0, Rect(100, 50, 600, 200), Rect(0, 0, 600, 200)),)


def test_high_dpi_screen_crops_native_pixels() -> None:
    # Logical (850, 50, 100, 30) on the 2× screen = physical (100, 100, 200, 60) of its image.
    plan = plan_crop(Rect(850, 50, 100, 30), [LEFT, RIGHT_2X])
    assert plan.single and plan.scale == 2.0
    assert plan.pieces[0].screen == 1
    assert plan.pieces[0].source == Rect(100, 100, 200, 60)
    assert (plan.width, plan.height) == (200, 60)


def test_fractional_dpr_widens_to_whole_pixels_and_clips() -> None:
    s = ScreenInfo("S", Rect(0, 0, 1536, 864), 1.25, 1920, 1080)
    assert to_physical(Rect(1, 1, 3, 3), s) == Rect(1, 1, 4, 4)  # 1.25..5.0 → 1..5
    assert to_physical(Rect(1500, 800, 100, 100), s) == Rect(1875, 1000, 45, 80)  # clipped
    assert s.pixel_size == (1920, 1080)


def test_negative_origin_screen() -> None:
    left_of_primary = ScreenInfo("L", Rect(-1280, 0, 1280, 1024), 1.0)
    plan = plan_crop(Rect(-100, 10, 50, 20), [left_of_primary, LEFT])
    assert plan.pieces[0].source == Rect(1180, 10, 50, 20)


def test_region_spanning_two_screens_same_dpr() -> None:
    plan = plan_crop(Rect(700, 100, 200, 50), [LEFT, RIGHT_1X])
    assert (plan.width, plan.height) == (200, 50)
    assert not plan.single
    assert plan.pieces == (
        CropPiece(0, Rect(700, 100, 100, 50), Rect(0, 0, 100, 50)),
        CropPiece(1, Rect(0, 100, 100, 50), Rect(100, 0, 100, 50)),
    )


def test_region_spanning_mixed_dpr_uses_highest_ratio() -> None:
    plan = plan_crop(Rect(780, 10, 40, 20), [LEFT, RIGHT_2X])
    assert plan.scale == 2.0 and (plan.width, plan.height) == (80, 40)
    left, right = plan.pieces
    assert left == CropPiece(0, Rect(780, 10, 20, 20), Rect(0, 0, 40, 40))  # scaled up 2×
    assert right == CropPiece(1, Rect(0, 20, 40, 40), Rect(40, 0, 40, 40))  # native


def test_region_partly_outside_every_screen() -> None:
    # RIGHT is 480 high, LEFT 600: the part below RIGHT stays blank.
    plan = plan_crop(Rect(790, 470, 20, 20), [LEFT, RIGHT_1X])
    assert [p.screen for p in plan.pieces] == [0, 1]
    assert plan.pieces[1].target == Rect(10, 0, 10, 10)


def test_region_outside_the_desktop_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside every screen"):
        plan_crop(Rect(5000, 5000, 10, 10), [LEFT, RIGHT_1X])
    with pytest.raises(ValueError, match="empty"):
        plan_crop(Rect(0, 0, 0, 10), [LEFT])


def test_virtual_geometry_and_screen_at() -> None:
    assert virtual_geometry([LEFT, RIGHT_2X]) == Rect(0, 0, 1120, 600)
    assert screen_at([LEFT, RIGHT_2X], 900, 10) == 1
    assert screen_at([LEFT, RIGHT_2X], 900, 500) is None
