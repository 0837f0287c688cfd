<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MapView</name>
    <message>
        <location filename="../../fieldapp/ui/map/view.py" line="578"/>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/view.py" line="580"/>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
</context>
<context>
    <name>MapWindow</name>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="53"/>
        <source>Map of outfalls</source>
        <translation>排污口地图</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="67"/>
        <source>Outfall code, e.g. 320623…</source>
        <translation>排污口编码，如 320623…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="69"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="72"/>
        <source>Colour by type</source>
        <translation>按类型着色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="73"/>
        <source>Colour by state</source>
        <translation>按状态着色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="75"/>
        <source>Basemap…</source>
        <translation>底图…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="77"/>
        <source>Tiles in GCJ-02</source>
        <translation>底图为 GCJ-02 坐标</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="78"/>
        <source>Amap and Tencent tiles are GCJ-02; Tianditu is not</source>
        <translation>高德、腾讯底图为 GCJ-02；天地图不是</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="93"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/map/window.py" line="249"/>
        <source>%n outfall(s) on the map</source>
        <translation>
            <numerusform>地图上共 %n 个排污口</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="164"/>
        <source>No outfall with position has the code %1.</source>
        <translation>没有编码为 %1 且有位置的排污口。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="217"/>
        <source>Basemap: %1</source>
        <translation>底图：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="245"/>
        <source>Selected: %1</source>
        <translation>已选：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/map/window.py" line="251"/>
        <source>%n aerial-survey lead(s) to verify</source>
        <translation>
            <numerusform>待核查航测线索 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="290"/>
        <source>Lifecycle state</source>
        <translation>整治状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="294"/>
        <source>Outfall type</source>
        <translation>排污口类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="323"/>
        <source>Dark circle with a number: that many outfalls; tap to zoom in</source>
        <translation>带数字的深色圆圈：该处排污口数量；点击放大</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="327"/>
        <source>Yellow diamond: an aerial-survey lead to verify (with a number: that many)</source>
        <translation>黄色菱形：待核查的航测线索（带数字：该处线索数）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="336"/>
        <source>Open an MBTiles basemap</source>
        <translation>打开 MBTiles 底图</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/map/window.py" line="338"/>
        <source>MBTiles (*.mbtiles);;All files (*)</source>
        <translation>MBTiles 文件 (*.mbtiles);;所有文件 (*)</translation>
    </message>
</context>
</TS>
